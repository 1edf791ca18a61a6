package com.billingcenter.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a record's components in the pages' expressions ({@code #{row.name}} calls {@code
 * row.name()}), as Jakarta EL 6 does and EL 5 (Jakarta EE 10) does not: the rows the pages show are
 * records, with no JavaBeans getter written beside each component. Components are read-only; a
 * property that is no component of the record is left to the next resolver. Registered in {@code
 * faces-config.xml}, ahead of the bean resolver.
 */
public class RecordElResolver extends ELResolver {

  /** Each record class's component accessors by name, looked up once. */
  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> accessors = new HashMap<>();
          for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.trySetAccessible();
            accessors.put(component.getName(), accessor);
          }
          return Map.copyOf(accessors);
        }
      };

  private static Method accessor(Object base, Object property) {
    if (base instanceof Record && property instanceof String name) {
      return ACCESSORS.get(base.getClass()).get(name);
    }
    return null;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Method accessor = accessor(base, property);
    if (accessor == null) {
      return null;
    }
    context.setPropertyResolved(base, property);
    try {
      return accessor.invoke(base);
    } catch (IllegalAccessException e) {
      throw new ELException(e);
    } catch (InvocationTargetException e) {
      throw new ELException(e.getCause());
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (accessor(base, property) != null) {
      context.setPropertyResolved(base, property);
    }
    // A component is read-only: EL 5 answers null for the type of what cannot be written.
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (accessor(base, property) != null) {
      throw new PropertyNotWritableException(
          "A record's components are read-only: "
              + base.getClass().getSimpleName()
              + "."
              + property);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (accessor(base, property) != null) {
      context.setPropertyResolved(base, property);
      return true;
    }
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base instanceof Record ? String.class : null;
  }
}
