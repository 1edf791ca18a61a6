/**
 * The AWS Marketplace adapter: the only package that imports the AWS SDK. It turns the SDK's {@code
 * marketplacemetering} calls and exceptions into the cloud-neutral terms of {@code
 * marketplace.control}. Its clients are built once per application and reused.
 */
package com.billingcenter.marketplace.aws.control;
