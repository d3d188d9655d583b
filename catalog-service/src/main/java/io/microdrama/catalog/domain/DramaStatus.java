package io.microdrama.catalog.domain;

public enum DramaStatus { DRAFT, PUBLISHED, WITHDRAWN }
