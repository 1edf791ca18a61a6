/**
 * Writing notices from their templates in the workspace's language, inside the change's
 * transaction, and mailing them (and password resets) once it has committed.
 */
package com.billingcenter.notice.control;
