/** Usage reported by the sites over the JSON API. */
package com.billingcenter.usage.rest;
