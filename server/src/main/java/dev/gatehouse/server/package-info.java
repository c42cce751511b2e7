package dev.gatehouse.server;
