/**
 * AWS Marketplace's lifecycle events through Amazon EventBridge (source {@code
 * aws.agreement-marketplace}): reading them as the Seller Guide documents them ("Amazon EventBridge
 * events", "Managing SaaS subscription events with Amazon EventBridge") and turning them into the
 * cloud-neutral {@code SubscriptionEvent}. No HTTP here and no state.
 */
package com.billingcenter.marketplace.aws.eventbridge;
