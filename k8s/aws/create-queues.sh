#!/usr/bin/env bash
# Creates the webhook delivery queue and its dead-letter queue (k8s/aws/queues/). The service
# retries a failed delivery by hiding its message (exponential backoff, 24 h), so the redrive
# (100 receives) only catches a message that keeps failing its consumer; messages are kept 2 days.
# Prints the queue URL for UKETSUKE_WEBHOOKS_QUEUE_URL.
# Usage: AWS_REGION=ap-northeast-1 AWS_ACCOUNT_ID=111122223333 k8s/aws/create-queues.sh
set -euo pipefail
cd "$(dirname "$0")/queues"
: "${AWS_REGION:?set AWS_REGION}"
: "${AWS_ACCOUNT_ID:?set AWS_ACCOUNT_ID}"

for queue in uketsuke-webhooks-dlq uketsuke-webhooks; do
  envsubst '${AWS_REGION} ${AWS_ACCOUNT_ID}' < "$queue.json" > "/tmp/$queue.json"
  url=$(aws sqs create-queue --region "$AWS_REGION" --cli-input-json "file:///tmp/$queue.json" \
    --query QueueUrl --output text)
  echo "queue: $url"
done
