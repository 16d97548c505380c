package com.toprise.notification.template;

public enum Channel { EMAIL, SMS, PUSH }
