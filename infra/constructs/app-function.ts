// Defaults every function of the tracker shares: Node.js 24 on arm64, an ESM bundle built by the
// local esbuild (minified, with source maps), its own log group with a retention, and the chosen
// outlet and roster files copied into the bundle. Memory and whether the AWS SDK is bundled are
// chosen per function from measured cold starts (README, "Cold starts and memory").
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** What a cold start measured for a function decided: its memory and whether the SDK is bundled. */
interface ColdStartChoice {
  memorySize: number;
  /**
   * Bundle the AWS SDK instead of loading the runtime's copy: a bundled, tree-shaken ESM SDK
   * imports about twice as fast as the runtime's CommonJS one, at about 350 KB of bundle.
   */
  bundleAwsSdk: boolean;
}

const coldStartChoices: Record<string, ColdStartChoice> = {
  // A dashboard user waits for its cold start: twice the CPU of 512 MB, and the SDK bundled.
  'functions/api/handler.ts': { memorySize: 1024, bundleAwsSdk: true },
};
const defaultChoice: ColdStartChoice = { memorySize: 512, bundleAwsSdk: false };

// The bundles use these parts of undici only; see the file for what the alias leaves out.
const undiciCore = fileURLToPath(new URL('../bundling/undici-core.cjs', import.meta.url));
const sidecarBundler = fileURLToPath(new URL('../bundling/sidecar-bundle.mjs', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Options of one function. */
export interface AppFunctionProps {
  /** Path of the entry file, relative to the repository root. */
  entry: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Files copied into the bundle: bundle-relative target → absolute source path. */
  extraFiles?: Record<string, string>;
  /** A directory copied into the bundle: bundle-relative target → absolute source path. */
  extraDirectories?: Record<string, string>;
  /**
   * Modules built as files of their own beside the bundle, for code that is large and rarely run:
   * bundle-relative target → entry path relative to the repository root. The function imports such
   * a file by a computed path, which esbuild leaves alone; the file defines `require` and
   * `__dirname` for its CommonJS dependencies.
   */
  sidecarModules?: Record<string, string>;
}

/** A NodejsFunction with the project's defaults. */
export class AppFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const copies = [
      ...Object.entries(props.extraFiles ?? {}).map(([target, source]) => ({
        target,
        source,
        directory: false,
      })),
      ...Object.entries(props.extraDirectories ?? {}).map(([target, source]) => ({
        target,
        source,
        directory: true,
      })),
    ];
    const choice = coldStartChoices[props.entry] ?? defaultChoice;
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? choice.memorySize,
      timeout: props.timeout ?? Duration.seconds(30),
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        // node20 keeps the bundle runnable on the local Node 20 as well as on the Lambda runtime.
        target: 'node20',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        externalModules: choice.bundleAwsSdk ? [] : ['@aws-sdk/*'],
        esbuildArgs: { '--alias:undici': undiciCore },
        // Some dependencies still call require(); ESM bundles need it defined.
        banner:
          "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            ...copies.flatMap(({ target, source, directory }) => [
              `mkdir -p "${outputDir}/${directory ? target : target.split('/').slice(0, -1).join('/') || '.'}"`,
              directory
                ? `cp -R "${source}/." "${outputDir}/${target}"`
                : `cp "${source}" "${outputDir}/${target}"`,
            ]),
            ...Object.entries(props.sidecarModules ?? {}).map(
              ([target, entry]) =>
                `node "${sidecarBundler}" "${join(repositoryRoot, entry)}" "${outputDir}/${target}"`,
            ),
          ],
        },
      },
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'The basic execution role grants only logs:CreateLogStream and logs:PutLogEvents, which every function needs to write its own log group.',
    });
  }
}
