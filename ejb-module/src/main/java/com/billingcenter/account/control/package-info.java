/**
 * How accounts are authenticated: PBKDF2 password hashing and the identity store that Jakarta
 * Security asks for every form login and every HTTP Basic call.
 */
package com.billingcenter.account.control;
