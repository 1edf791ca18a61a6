/**
 * What every cloud marketplace's settlement method has in common: the customer chooses one of their
 * active cloud accounts of that provider. A provider adds a subclass of {@link
 * com.billingcenter.cloudaccount.control.CloudAccountSettlement} naming itself.
 */
package com.billingcenter.cloudaccount.control;
