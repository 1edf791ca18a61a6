package com.billingcenter.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Stores every {@link Instant} as a UTC {@code TIMESTAMP}. JPA 3.1 does not map {@code Instant}
 * (EclipseLink would serialize it into a blob), and a zone-less UTC column reads the same on H2 and
 * PostgreSQL whatever the server's or the JVM's time zone.
 */
@Converter(autoApply = true)
public class UtcInstantConverter implements AttributeConverter<Instant, LocalDateTime> {

  @Override
  public LocalDateTime convertToDatabaseColumn(Instant instant) {
    return UtcTimes.local(instant);
  }

  @Override
  public Instant convertToEntityAttribute(LocalDateTime utc) {
    return UtcTimes.instant(utc);
  }
}
