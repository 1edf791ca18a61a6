/**
 * Amazon SNS messages from AWS Marketplace (the older integration of listings): reading a message,
 * the string AWS signs, and checking its signature with the certificate AWS names.
 */
package com.billingcenter.marketplace.aws.sns;
