package io.vidyut.mdm.testing;

import java.util.UUID;

/** A fresh tenant made through the platform API, with a signed-in user per role. */
public record TestTenant(String code, UUID id, String admin, String operator, String analyst, String fieldTech,
                         String consumer) {}
