package com.billingcenter.usage.rest;

import com.billingcenter.usage.entity.ReportedUsage;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code {"records": [...]}} as a stream, record by record, without building a tree of the
 * whole body: each record becomes a {@link ReportedUsage} or a reason it cannot be one. Stops
 * counting past {@code max} records.
 */
final class UsageBatchReader {

  private static final JsonProvider JSON = JsonProvider.provider();

  /** The batch as read: a record or null per index, and the reasons of the nulls. */
  record Batch(List<ReportedUsage> records, Map<Integer, String> problems, boolean tooMany) {}

  /** The body is not JSON, or not of the expected shape. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private UsageBatchReader() {}

  static Batch read(byte[] body, int max) throws Malformed {
    List<ReportedUsage> records = new ArrayList<>();
    Map<Integer, String> problems = new HashMap<>();
    Map<String, Instant> hours = new HashMap<>();
    try (JsonParser parser =
        JSON.createParserFactory(Map.of())
            .createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new Malformed("The body must be {\"records\": [ ... ]}.");
      }
      boolean found = false;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.END_OBJECT) {
          break;
        }
        String key = parser.getString();
        JsonParser.Event value = parser.next();
        if (!"records".equals(key)) {
          skip(parser, value);
          continue;
        }
        if (value != JsonParser.Event.START_ARRAY) {
          throw new Malformed("The body must be {\"records\": [ ... ]}.");
        }
        found = true;
        while (true) {
          JsonParser.Event element = parser.next();
          if (element == JsonParser.Event.END_ARRAY) {
            break;
          }
          if (records.size() >= max) {
            return new Batch(records, problems, true);
          }
          int index = records.size();
          if (element != JsonParser.Event.START_OBJECT) {
            skip(parser, element);
            records.add(null);
            problems.put(index, "a record must be a JSON object");
            continue;
          }
          try {
            records.add(record(parser, hours));
          } catch (IllegalArgumentException e) {
            records.add(null);
            problems.put(index, e.getMessage());
          }
        }
      }
      if (!found) {
        throw new Malformed("The body must be {\"records\": [ ... ]}.");
      }
      if (parser.hasNext()) {
        throw new Malformed("The body must be {\"records\": [ ... ]} and nothing after it.");
      }
    } catch (JsonParsingException e) {
      throw new Malformed("The body is not valid JSON: " + e.getMessage());
    } catch (jakarta.json.JsonException
        | java.util.NoSuchElementException
        | IllegalStateException e) {
      throw new Malformed("The body is not valid JSON.");
    }
    return new Batch(records, problems, false);
  }

  /** One record, the parser just inside its object; leaves it after the object's end. */
  private static ReportedUsage record(JsonParser parser, Map<String, Instant> hours) {
    String id = null;
    String item = null;
    String hourText = null;
    BigDecimal workspace = null;
    BigDecimal quantity = null;
    String wrong = null;
    while (true) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_OBJECT) {
        break;
      }
      String key = parser.getString();
      JsonParser.Event value = parser.next();
      switch (key) {
        case "id" -> id = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
        case "billingItem" ->
            item = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
        case "hour" ->
            hourText = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
        case "workspaceId" ->
            workspace = value == JsonParser.Event.VALUE_NUMBER ? parser.getBigDecimal() : null;
        case "quantity" -> {
          if (value == JsonParser.Event.VALUE_NUMBER) {
            quantity = parser.getBigDecimal();
          } else {
            wrong = "quantity must be a whole number (>= 0)";
          }
        }
        default -> {
          // other fields are ignored
        }
      }
      skip(parser, value);
    }
    if (id == null) {
      throw new IllegalArgumentException("id must be a text");
    }
    if (workspace == null || !whole(workspace)) {
      throw new IllegalArgumentException("workspaceId must be a whole number");
    }
    if (item == null) {
      throw new IllegalArgumentException("billingItem must be a text");
    }
    if (wrong != null || quantity == null || !whole(quantity)) {
      throw new IllegalArgumentException("quantity must be a whole number (>= 0)");
    }
    long amount;
    long workspaceId;
    try {
      amount = quantity.longValueExact();
      workspaceId = workspace.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("workspaceId or quantity is out of range");
    }
    if (hourText == null) {
      throw new IllegalArgumentException("hour must be a UTC time such as 2026-11-26T10:00:00Z");
    }
    Instant hour = hours.get(hourText);
    if (hour == null) {
      hour = hour(hourText);
      if (hours.size() < 1000) {
        hours.put(hourText, hour);
      }
    }
    return new ReportedUsage(id, workspaceId, item, hour, amount);
  }

  private static Instant hour(String text) {
    try {
      OffsetDateTime at = OffsetDateTime.parse(text);
      if (!at.getOffset().equals(ZoneOffset.UTC)) {
        throw new IllegalArgumentException("hour must be in UTC (ending in Z)");
      }
      return at.toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("hour must be a UTC time such as 2026-11-26T10:00:00Z");
    }
  }

  private static boolean whole(BigDecimal number) {
    return number.signum() == 0 || number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0;
  }

  /** Skips a value whose first event was {@code event} (nothing to do for a scalar). */
  private static void skip(JsonParser parser, JsonParser.Event event) {
    if (event == JsonParser.Event.START_OBJECT) {
      parser.skipObject();
    } else if (event == JsonParser.Event.START_ARRAY) {
      parser.skipArray();
    }
  }
}
