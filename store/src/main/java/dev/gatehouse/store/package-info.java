package dev.gatehouse.store;
