/**
 * The JSON API's frame: its root path, its OpenAPI description, and the one error shape every
 * refusal has ({@code {"error", "message"}}), so that no stack trace ever reaches a client.
 */
package com.billingcenter.platform.rest;
