/** Taking the usage the sites report, a whole batch or none of it. */
package com.billingcenter.usage.boundary;
