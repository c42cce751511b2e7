package dev.gatehouse.it;
