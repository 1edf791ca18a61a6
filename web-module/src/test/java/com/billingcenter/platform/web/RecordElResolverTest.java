package com.billingcenter.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {

  /** A row as a page shows it: package-private, as most are. */
  record Row(String name, long quantity) {

    String shout() {
      return name.toUpperCase();
    }
  }

  private final RecordElResolver resolver = new RecordElResolver();

  private static ELContext context() {
    return new ELContext() {
      @Override
      public ELResolver getELResolver() {
        return null;
      }

      @Override
      public FunctionMapper getFunctionMapper() {
        return null;
      }

      @Override
      public VariableMapper getVariableMapper() {
        return null;
      }
    };
  }

  @Test
  void aComponentIsReadAndTheExpressionResolved() {
    ELContext context = context();
    assertEquals(7L, resolver.getValue(context, new Row("Shop", 7), "quantity"));
    assertTrue(context.isPropertyResolved());
    assertTrue(resolver.isReadOnly(context(), new Row("Shop", 7), "name"));
  }

  @Test
  void whatIsNoComponentIsLeftToTheNextResolver() {
    for (Object[] baseAndProperty :
        new Object[][] {
          {new Row("Shop", 7), "shout"}, {new Row("Shop", 7), "missing"}, {"a string", "length"}
        }) {
      ELContext context = context();
      assertNull(resolver.getValue(context, baseAndProperty[0], baseAndProperty[1]));
      assertFalse(context.isPropertyResolved(), baseAndProperty[1].toString());
      assertFalse(resolver.isReadOnly(context, baseAndProperty[0], baseAndProperty[1]));
    }
  }

  @Test
  void aComponentCannotBeWritten() {
    assertThrows(
        PropertyNotWritableException.class,
        () -> resolver.setValue(context(), new Row("Shop", 7), "name", "Other"));
  }
}
