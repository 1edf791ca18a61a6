/**
 * AWS Marketplace against the sandbox and AWS's documented payloads: fulfillment, EventBridge and
 * SNS lifecycle events, partitions, the SDK's calls, and the seed's paths in a browser.
 */
package com.billingcenter.system.marketplace;
