/** Bills over the JSON API. */
package com.billingcenter.bill.rest;
