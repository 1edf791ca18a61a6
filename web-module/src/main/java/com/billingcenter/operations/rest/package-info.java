/** The operators' API: making an operator (the first with the deployment's operator key). */
package com.billingcenter.operations.rest;
