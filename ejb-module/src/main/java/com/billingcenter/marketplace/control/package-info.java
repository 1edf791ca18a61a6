/**
 * What the Billing Center needs from any cloud marketplace, in its own words: resolve a buyer who
 * arrives from a listing, and meter usage. Each cloud (AWS now; Alibaba Cloud and Huawei Cloud
 * later) implements it in a package of its own; nothing here imports a cloud SDK.
 */
package com.billingcenter.marketplace.control;
