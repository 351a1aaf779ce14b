import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/full-size-base-image';

ruleTests(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    'FROM node:22-alpine\n',
    'FROM ubuntu:24.04\n',
    'FROM node:22 AS build\nFROM node:22-slim\n',
    'FROM eclipse-temurin:21-jre\n',
    'ARG V=3.12\nFROM python:${V}\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\n', errors: [{ line: 1, text: 'python:3.12', message: /python:3\.12-slim/ }], output: 'FROM python:3.12-slim\n' },
    { code: 'FROM node:20-bookworm\n', errors: [{ line: 1 }], output: 'FROM node:20-bookworm-slim\n' },
    { code: 'FROM python:3.12-bookworm\n', errors: [{ line: 1 }], output: 'FROM python:3.12-slim-bookworm\n' },
    { code: 'FROM debian:bookworm\n', errors: [{ line: 1 }], output: 'FROM debian:bookworm-slim\n' },
    { code: 'FROM eclipse-temurin:21-jdk-jammy\n', errors: [{ line: 1 }], output: 'FROM eclipse-temurin:21-jre-jammy\n' },
    { name: 'latest has a plain slim tag', code: 'FROM node:latest\n', errors: [{ line: 1 }], output: 'FROM node:slim\n' },
    { code: 'FROM golang:1.22\n', errors: [{ line: 1, message: /distroless/ }], output: null },
  ],
});
