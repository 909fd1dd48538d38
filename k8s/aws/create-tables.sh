#!/usr/bin/env bash
# Creates the tables the service needs that do not exist yet, and turns on point-in-time recovery
# for all of them. The first four tables exist in production and are used by the old backend too:
# this script never creates, changes or deletes them; it only checks they exist.
# Usage: AWS_REGION=ap-northeast-1 k8s/aws/create-tables.sh   (AWS CLI v2, credentials of an admin)
set -euo pipefail
cd "$(dirname "$0")/tables"
: "${AWS_REGION:?set AWS_REGION}"

existing=(app-logs app-faq app-prompts app-tasks)
new=(app-audit app-phones app-usage app-transcripts app-idempotency app-call-sids app-webhooks app-call-summaries app-faq-vectors)

exists() { aws dynamodb describe-table --region "$AWS_REGION" --table-name "$1" >/dev/null 2>&1; }

for table in "${existing[@]}"; do
  if ! exists "$table"; then
    echo "Table $table is missing. It holds production data and is not created here;" >&2
    echo "restore it or create it deliberately from tables/$table.json." >&2
    exit 1
  fi
  echo "exists: $table"
done

for table in "${new[@]}"; do
  if exists "$table"; then
    echo "exists: $table"
  else
    aws dynamodb create-table --region "$AWS_REGION" --cli-input-json "file://$table.json" >/dev/null
    aws dynamodb wait table-exists --region "$AWS_REGION" --table-name "$table"
    echo "created: $table"
  fi
done

# Idempotency keys expire after a day (the service also ignores expired ones: TTL deletes late).
aws dynamodb update-time-to-live --region "$AWS_REGION" --table-name app-idempotency \
  --time-to-live-specification Enabled=true,AttributeName=expires_at >/dev/null 2>&1 ||
  echo "TTL on app-idempotency: already on"

for table in "${existing[@]}" "${new[@]}"; do
  aws dynamodb update-continuous-backups --region "$AWS_REGION" --table-name "$table" \
    --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true >/dev/null
  echo "point-in-time recovery on: $table"
done
