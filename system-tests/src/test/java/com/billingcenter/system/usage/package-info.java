/** Usage the sites report over the API, and what customers and operators then see of it. */
package com.billingcenter.system.usage;
