/**
 * Usage the sites report (one record: a workspace's use of a billing item in an hour, under an id
 * of the site's) and the billing items it is priced by.
 */
package com.billingcenter.usage.entity;
