// Infra: the CDK app (`npx cdk synth|deploy`, see cdk.json). Env-agnostic: no lookups, so synth runs offline.

import { App } from "aws-cdk-lib";
import { defineLivelineApp } from "../lib/liveline-app";

defineLivelineApp(new App());
