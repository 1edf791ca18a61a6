/** Taking the usage the sites report. */
package com.billingcenter.usage.boundary;
