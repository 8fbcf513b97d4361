// Entry point of `npx cdk synth` / `cdk deploy`: the app synthesizes itself when the CLI runs it.
import { buildTrackerApp } from './tracker-app.ts';

buildTrackerApp();
