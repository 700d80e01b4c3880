// Quiet, offline Powertools in tests; the SDK's Node 22 notice is not news here.
process.env.POWERTOOLS_TRACE_ENABLED = 'false';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
process.env.AWS_REGION = 'eu-west-1';
import '../../local/support/quiet-node-notice';
