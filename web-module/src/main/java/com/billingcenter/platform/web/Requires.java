package com.billingcenter.platform.web;

import com.billingcenter.account.entity.Role;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a customer's role must allow for a page action or an API call that changes something:
 * checked on the server before it runs, for pages by {@link RoleCheck}, for the API by {@code
 * platform.rest.RoleFilter} (which refuses a customer's state-changing call that names none).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {

  /** The permission the caller's role must have. */
  @Nonbinding
  Role.Permission value();
}
