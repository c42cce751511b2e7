package dev.gatehouse.core;
