package org.wushe.access;

import java.util.Set;

/** What an administrator enters to create an account; the phone is optional. */
public record NewAccount(String username, String displayName, String phone, Set<Role> roles, DataScope scope) {}
