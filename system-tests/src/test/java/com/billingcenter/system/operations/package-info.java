/** The operators' gauges on {@code /metrics} and their alarms, mailed once per incident. */
package com.billingcenter.system.operations;
