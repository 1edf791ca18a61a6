package com.billingcenter.marketplace.aws.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the application's {@link AwsMarketplace} connections from configuration, one per AWS
 * partition ({@code billing.aws.*}: global; {@code billing.aws-cn.*}: China), and closes them at
 * the end.
 */
@ApplicationScoped
public class AwsMarketplaceProducer {

  private static final Logger LOG = Logger.getLogger(AwsMarketplaceProducer.class.getName());

  @Produces
  @ApplicationScoped
  @Named("aws")
  AwsMarketplace awsMarketplace() {
    AwsMarketplaceSettings settings = AwsMarketplaceSettings.from(ConfigProvider.getConfig());
    LOG.info(() -> "AWS Marketplace client: " + settings);
    return new AwsMarketplace(settings);
  }

  void close(@Disposes @Named("aws") AwsMarketplace aws) {
    aws.close();
  }

  /** AWS's China partition, configured by {@code billing.aws-cn.*}. */
  @Produces
  @ApplicationScoped
  @Named("aws-cn")
  AwsMarketplace awsChinaMarketplace() {
    AwsMarketplaceSettings settings =
        AwsMarketplaceSettings.from(ConfigProvider.getConfig(), "billing.aws-cn", "cn-northwest-1");
    LOG.info(() -> "AWS Marketplace (China) client: " + settings);
    return new AwsMarketplace(AwsMarketplace.CHINA, settings);
  }

  void closeChina(@Disposes @Named("aws-cn") AwsMarketplace aws) {
    aws.close();
  }
}
