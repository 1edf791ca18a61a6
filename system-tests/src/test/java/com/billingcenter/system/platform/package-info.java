/**
 * What every capability stands on: persistence across restarts, operability, and every page in a
 * browser.
 */
package com.billingcenter.system.platform;
