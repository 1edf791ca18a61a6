/**
 * Sites: the regional deployments a workspace lives on, with their currency and the settlement
 * methods they allow. Sites are configuration, not data: they are read from {@code
 * config/sites.json} (or the file named by {@code billing.sites.file}), never stored by the
 * application.
 */
package com.billingcenter.site.entity;
