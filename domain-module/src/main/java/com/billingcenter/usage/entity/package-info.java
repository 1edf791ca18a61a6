/** Usage the sites report, and the billing items it is priced by. */
package com.billingcenter.usage.entity;
