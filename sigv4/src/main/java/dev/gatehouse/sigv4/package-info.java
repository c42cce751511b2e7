package dev.gatehouse.sigv4;
