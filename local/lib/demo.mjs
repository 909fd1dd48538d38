// Demo tenant content seeded by `stack.mjs --seed-demo` (only where absent).

export const DEMO_TENANT = 'demo';
export const DEMO_EMAIL = 'demo@example.com';
export const DEMO_PASSWORD = 'Demo-Passw0rd!';
export const DEMO_GROUP = 'admin';

export const SYSTEM_PROMPT = `# 役割

あなたは造園会社「みどり造園」の電話受付担当 AI です。お客様からのお電話に、明るく丁寧な敬語で応対してください。

## 会社情報

- 社名: みどり造園(個人宅・店舗・マンションの庭まわりの管理)
- 営業時間: 平日 8:00〜17:00、土曜 8:00〜12:00(日曜・祝日は定休)
- 主なサービス: 植木の剪定、芝刈り・草刈り、除草・防草シート施工、庭木の消毒、伐採・抜根、庭づくりの相談

## 応対の基本

1. 最初に「お電話ありがとうございます。みどり造園でございます。」と名乗ってください。
2. 一度に話す内容は短く、一つの質問には一つの答えで返してください。電話なので箇条書きや記号は読み上げないでください。
3. 料金・対応エリア・営業時間などは、与えられた FAQ の内容だけを根拠に答えてください。分からないことは推測せず「担当者から折り返しご連絡いたします」と伝えてください。
4. 金額は必ず「目安」であり、正式なお見積りは現地確認のうえでお出しすることを添えてください。

## ご依頼の受付

作業のご依頼を受けたら、次の項目を一つずつ確認し、タスクとして登録してください。

- お名前(フルネーム)
- 折り返し用の電話番号
- 作業場所のご住所
- ご希望の日時(例: 2025-05-20 10:00。日にちだけでも構いません)
- ご依頼内容(例: 庭木3本の剪定、裏庭の草刈り など)

登録の前に内容を復唱し、お客様の同意を得てから create_task を呼び出してください。日時の変更やキャンセルのご連絡は、お名前で既存のタスクを確認したうえで update_task または delete_task を使ってください。

## 禁止事項

- 他のお客様のご依頼内容や個人情報を話さないでください。
- 医療・法律など造園と関係のない専門的な助言はしないでください。
- 当日中の作業や確実な日程のお約束はせず、「担当者が確認のうえご連絡いたします」と伝えてください。
`;

const taskFields = {
  name: { type: 'string', description: 'お客様のお名前(フルネーム)。タスクの識別子になります。' },
  phone_number: { type: 'string', description: '折り返し用の電話番号(例: 090-1234-5678)' },
  address: { type: 'string', description: '作業場所の住所' },
  start_datetime: {
    type: 'string',
    description: '希望日時。YYYY-MM-DD または YYYY-MM-DD HH:MM 形式(例: 2025-05-20 10:00)',
    pattern: '^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?$',
  },
  request: { type: 'string', description: 'ご依頼内容(例: 庭木3本の剪定)' },
};

const fn = (name, description, properties, required) => ({
  type: 'function',
  function: {
    name,
    description,
    parameters: { type: 'object', properties, required, additionalProperties: false },
  },
});

export const FUNCTIONS_CONFIG = {
  tools: [
    fn('list_tasks', '登録済みのご依頼(タスク)を一覧します。', {
      limit: { type: 'integer', minimum: 1, maximum: 50, description: '返す件数の上限(1〜50、既定 10)' },
    }, []),
    fn('create_task', '新しいご依頼をタスクとして登録します。同じお名前のタスクが既にある場合は登録されません。',
      { ...taskFields }, ['name']),
    fn('get_task', 'お名前でタスクを1件取得します。', { name: taskFields.name }, ['name']),
    fn('update_task', 'お名前で指定したタスクの内容を変更します。指定した項目だけが更新されます。',
      { ...taskFields }, ['name']),
    fn('delete_task', 'お名前で指定したタスクを削除します(キャンセルのご連絡時)。', { name: taskFields.name }, ['name']),
  ],
  instructions:
    'ご依頼の登録・確認・変更・キャンセルにはタスク用の関数を使ってください。create_task と update_task の前には必ず内容を復唱してお客様の同意を得てください。'
    + 'start_datetime は YYYY-MM-DD または YYYY-MM-DD HH:MM 形式で渡してください。関数がエラーを返したときは、その旨を丁寧にお伝えし、担当者からの折り返しをご案内してください。',
};

const faq = [
  ['営業時間を教えてください。', '平日は8時から17時、土曜日は8時から12時まで営業しております。日曜・祝日は定休日です。お電話の受付はAIが24時間承ります。'],
  ['料金はどのくらいかかりますか?', '植木の剪定は高さ3メートル未満の木で1本あたり3,000円から、草刈りは1平方メートルあたり150円からが目安です。正式なお見積りは現地を確認してから無料でお出しします。'],
  ['対応エリアはどこですか?', '市内全域と隣接する市町にうかがっております。エリア外でも内容によってはご対応できますので、ご住所をお知らせください。'],
  ['キャンセルや日程の変更はできますか?', '作業日の前日17時までにご連絡いただければ、キャンセル料はかかりません。当日のキャンセルは出張費として2,000円を頂戴する場合があります。日程の変更はお気軽にご相談ください。'],
  ['Do you offer service in English?', 'Yes. Our phone assistant can take requests in English, and we will confirm the details of your job by email or phone before the work starts.'],
  ['How do I pay?', 'You can pay by cash or bank transfer after the work is finished. We send an invoice with the final amount, which matches the free estimate we gave you on site.'],
];

/** FAQ items with ISO-8601 UTC timestamps (seconds, +00:00) a few minutes apart. */
export function faqItems(now = new Date()) {
  return faq.map(([question, answer], i) => {
    const t = new Date(now.getTime() - (faq.length - i) * 60_000);
    const iso = t.toISOString().replace(/\.\d{3}Z$/, '+00:00');
    return { client_id: DEMO_TENANT, question, answer, created_at: iso, updated_at: iso };
  });
}

export function promptItems() {
  return [
    { client_id: DEMO_TENANT, id: 'system', content: SYSTEM_PROMPT },
    { client_id: DEMO_TENANT, id: 'functions', content: FUNCTIONS_CONFIG },
  ];
}
