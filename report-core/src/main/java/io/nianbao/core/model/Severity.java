package io.nianbao.core.model;

public enum Severity { ERROR, WARNING, INFO }
