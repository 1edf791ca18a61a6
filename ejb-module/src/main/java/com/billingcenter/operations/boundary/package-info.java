/**
 * The operators' alarms: each gauge past its threshold mails the operators once per incident, and
 * again when it clears.
 */
package com.billingcenter.operations.boundary;
