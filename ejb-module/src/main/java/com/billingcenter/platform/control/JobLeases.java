package com.billingcenter.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The leases ({@code job_lease}, a row per job) that let one instance of a cluster at a time do a
 * job: metering, closing the month's bills. A holder takes a free or expired lease, keeps it by
 * taking it again before it expires, and lets it go when done. Each call commits on its own
 * connection's terms (the caller's transaction, if any).
 */
@ApplicationScoped
public class JobLeases {

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  /** Takes the lease, or keeps it, until {@code now + ttl}; false when another holder has it. */
  public boolean acquire(String name, String holder, Instant now, Duration ttl) {
    return Sql.update(
            dataSource,
            "take the lease " + name,
            "UPDATE job_lease SET holder = ?, expires_at = ? WHERE name = ?"
                + " AND (holder = ? OR holder IS NULL OR expires_at < ?)",
            holder,
            now.plus(ttl),
            name,
            holder,
            now)
        == 1;
  }

  /** Lets the lease go at once, if this holder has it. */
  public void release(String name, String holder) {
    Sql.update(
        dataSource,
        "let the lease " + name + " go",
        "UPDATE job_lease SET holder = NULL, expires_at = ? WHERE name = ? AND holder = ?",
        Instant.EPOCH,
        name,
        holder);
  }
}
