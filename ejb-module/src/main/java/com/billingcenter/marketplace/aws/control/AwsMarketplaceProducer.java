package com.billingcenter.marketplace.aws.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the application's one {@link AwsMarketplace} from configuration and closes it at the end.
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
}
