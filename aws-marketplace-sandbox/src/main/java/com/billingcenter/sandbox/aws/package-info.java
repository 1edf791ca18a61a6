/**
 * A local stand-in for AWS Marketplace, for the default run and the tests: it speaks the AWS JSON
 * 1.1 protocol of the metering service (so the application's real AWS SDK client talks to it over
 * HTTP) and offers a small control API to create buyers and registration tokens. It shares no code
 * with the application and is never deployed in production.
 */
package com.billingcenter.sandbox.aws;
