/**
 * The security promises: isolation between customers, throttling and limits, sessions, CSRF,
 * headers, path probes and the sandbox guard. Every class is a {@link
 * com.billingcenter.system.support.SecurityPromise}: never passed on a second try.
 */
package com.billingcenter.system.security;
