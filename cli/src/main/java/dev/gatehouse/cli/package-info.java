package dev.gatehouse.cli;
