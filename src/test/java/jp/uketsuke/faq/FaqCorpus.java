package jp.uketsuke.faq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A realistic FAQ for retrieval tests: fifty hand-written topics of a garden company, a clinic and
 * a restaurant in Japanese and English, each with questions a caller might ask instead of the
 * stored one, padded with generated entries on plants, dishes and symptoms that share much of their
 * vocabulary (the hard negatives a real FAQ has).
 */
final class FaqCorpus {
  private FaqCorpus() {}

  /** A stored FAQ and ways callers ask it. */
  record Topic(String question, String answer, List<String> asked) {
    FaqItem item() {
      return new FaqItem(question, answer, null, null);
    }
  }

  static List<Topic> topics() {
    return List.of(
        t(
            "営業時間は何時から何時までですか",
            "平日は9時から18時まで、土曜日は9時から13時まで営業しています。",
            "何時まで営業してますか？",
            "朝は何時から開いていますか"),
        t("定休日はいつですか", "日曜日と祝日が定休日です。", "日曜日は休みですか？", "お休みの日を教えてください"),
        t("駐車場はありますか", "店舗の前に5台分の無料駐車場がございます。", "車で行っても駐車できますか", "駐車場って無料ですか"),
        t(
            "クレジットカードは使えますか",
            "VISA、Mastercard、JCB、AMEXがご利用いただけます。",
            "ｸﾚｼﾞｯﾄｶｰﾄﾞで払えますか",
            "カード払いはできますか"),
        t("予約は必要ですか", "初診の方はご予約をお願いしております。", "予約なしでも大丈夫？", "予約しないと行けないですか"),
        t("予約のキャンセル方法を教えてください", "前日までにお電話でご連絡ください。", "予約をキャンセルしたいんですが", "キャンセルってどうすればいい？"),
        t("庭木の剪定の料金はいくらですか", "高さ3mまでの木は1本3,000円からです。", "木の剪定っていくらかかりますか", "剪定の費用を知りたい"),
        t("見積もりは無料ですか", "お見積もりは無料です。現地を拝見してからご提示します。", "見積もりにお金かかりますか", "無料で見積もってもらえますか"),
        t("草むしりもお願いできますか", "はい、雑草の除草作業も承っております。1平米あたり200円からです。", "雑草を抜いてほしいのですが", "草むしりだけでも頼めますか"),
        t("対応エリアはどこですか", "対応地域は東京23区、川崎市、横浜市の一部です。", "横浜まで来てもらえますか", "どの地域まで来てくれる？"),
        t("支払い方法は何がありますか", "現金、銀行振込、クレジットカードに対応しています。", "銀行振込で支払いできますか", "支払いは現金だけですか"),
        t("領収書は発行できますか", "はい、領収書を発行いたします。宛名をお申し付けください。", "領収書もらえますか"),
        t("健康保険は使えますか", "各種健康保険をご利用いただけます。保険証をお持ちください。", "保険はききますか", "保険証は使えますか"),
        t("初診の持ち物は何ですか", "保険証とお薬手帳をお持ちください。", "初診のとき何を持っていけばいい？"),
        t("子供も診てもらえますか", "小児の診療も行っています。", "子供を連れて行って診察してもらえますか"),
        t("土曜日も診療していますか", "土曜日は午前中のみ診療しています。", "土曜日って開いてる？", "土曜は診察ありますか"),
        t("待ち時間はどのくらいですか", "平均で30分ほどお待ちいただいています。", "どれくらい待ちますか", "今日の待ち時間は長いですか"),
        t("オンライン診療はできますか", "はい、スマートフォンでのオンライン診療に対応しています。", "オンラインで診察できますか"),
        t("予防接種は受けられますか", "インフルエンザなどの予防接種を行っています。", "インフルエンザのワクチンを打ちたい"),
        t("個室はありますか", "最大8名様までの個室が2部屋ございます。", "個室って空いてますか", "個室を予約できますか"),
        t("テイクアウトはできますか", "全メニューお持ち帰りいただけます。", "ﾃｲｸｱｳﾄできますか", "持ち帰りはできますか"),
        t("アレルギー対応はしていますか", "卵・乳・小麦などのアレルギーに対応したメニューがございます。", "小麦アレルギーでも食べられるものある？"),
        t("ランチの時間は何時までですか", "ランチは11時から14時（ラストオーダー13時30分）までです。", "ランチって何時まで？", "ﾗﾝﾁは何時からですか"),
        t("貸切はできますか", "20名様以上で貸切を承ります。", "貸切で宴会したいのですが"),
        t("子供用の椅子はありますか", "お子様用の椅子と食器をご用意しています。", "子供椅子ある？"),
        t("Wi-Fiは使えますか", "無料Wi-Fiをご利用いただけます。", "Ｗｉ－Ｆｉは使えますか", "wi-fiありますか"),
        t("コンセントはありますか", "一部のお席にコンセントがございます。", "スマホを充電できるコンセントはある？"),
        t("料金の支払いはいつですか", "作業完了後にお支払いいただきます。", "支払いのタイミングは？"),
        t("雨の日でも作業しますか", "小雨なら作業しますが、大雨の場合は日程を変更します。", "雨の日は作業できますか"),
        t("植木の消毒もできますか", "害虫予防の消毒散布を承ります。", "害虫の消毒をお願いしたい"),
        t("伐採もお願いできますか", "大きな木の伐採・抜根にも対応しています。", "庭の木を伐採したい"),
        t("剪定した枝の処分もしてもらえますか", "剪定した枝葉の処分費は料金に含まれています。", "切った枝の処分はどうなりますか"),
        t("定期的な手入れをお願いできますか", "年間管理契約で定期的にお手入れします。", "毎月庭の手入れを頼みたい"),
        t("芝生の張り替えはできますか", "はい、芝生の張り替え・新規施工を承ります。", "芝を張り替えたい"),
        t("電話がつながらない時はどうすればいいですか", "混み合っている時はLINEかメールでご連絡ください。", "電話が全然つながらないんだけど"),
        t(
            "What are your opening hours?",
            "We are open from 9am to 6pm on weekdays.",
            "What time do you open?",
            "When are you open on weekdays"),
        t(
            "Do you have parking?",
            "Free parking for five cars in front of the shop.",
            "Where can I park my car?"),
        t(
            "Do you accept credit cards?",
            "We accept Visa, Mastercard, JCB and American Express.",
            "Can I pay by card?",
            "ＣＲＥＤＩＴ ＣＡＲＤ ok?"),
        t(
            "Do I need a reservation?",
            "Reservations are recommended for first visits.",
            "Do I need to reserve a table?"),
        t(
            "How do I cancel my appointment?",
            "Please call us by the day before.",
            "I want to cancel my appointment"),
        t(
            "How much does tree pruning cost?",
            "Pruning starts at 3,000 yen per tree up to 3 m.",
            "What is the price for pruning trees?"),
        t(
            "Is the estimate free?",
            "Estimates are free of charge.",
            "Do you charge for an estimate?"),
        t(
            "Do you have vegetarian options?",
            "Several vegetarian and vegan dishes are on the menu.",
            "Is there anything for vegans?"),
        t("Can I order takeout?", "All dishes are available for takeout.", "Is takeout available?"),
        t(
            "Do you speak English?",
            "Some of our staff speak English.",
            "Is there English speaking staff?"),
        t(
            "Is there Wi-Fi?",
            "Free Wi-Fi is available in the waiting room.",
            "Can I use the Wi-Fi?"),
        t(
            "Do you treat children?",
            "We see patients of all ages, including children.",
            "Do you see children?"),
        t(
            "Do you take health insurance?",
            "Japanese national health insurance is accepted.",
            "Is my insurance accepted?"),
        t(
            "How long is the wait?",
            "The average waiting time is about 30 minutes.",
            "How long will I have to wait?"),
        t(
            "Are you open on holidays?",
            "We are closed on Sundays and national holidays.",
            "Are you open on national holidays?"));
  }

  /** The fifty topics and generated entries, {@code n} FAQs in all. */
  static List<FaqItem> faq(int n) {
    List<FaqItem> items = new ArrayList<>();
    topics().forEach(topic -> items.add(topic.item()));
    List<FaqItem> filler = filler();
    for (int round = 0; items.size() < n; round++) {
      String branch = round == 0 ? "" : BRANCHES.get((round - 1) % BRANCHES.size()) + "店: ";
      for (int i = 0; i < filler.size() && items.size() < n; i++) {
        FaqItem f = filler.get(i);
        items.add(
            new FaqItem(
                branch + f.question() + (round > BRANCHES.size() ? " #" + round : ""),
                f.answer(),
                null,
                null));
      }
    }
    return items.subList(0, n);
  }

  private static List<FaqItem> filler() {
    List<FaqItem> items = new ArrayList<>();
    for (String plant : PLANTS_JA) {
      add(items, plant + "の植え付け時期はいつですか", plant + "は春か秋の植え付けが適しています。");
      add(items, plant + "の肥料はいつあげればいいですか", plant + "には3月と9月に緩効性の肥料をあげてください。");
      add(items, plant + "の水やりの頻度を教えてください", plant + "は土の表面が乾いたらたっぷり水をあげます。");
      add(items, plant + "の剪定に適した時期はいつですか", plant + "の剪定は花が終わった後が適期です。");
      add(items, plant + "がかかりやすい病気は何ですか", plant + "はうどんこ病と害虫に注意が必要です。");
      add(items, plant + "の冬越しの方法を教えてください", plant + "は霜よけをして冬越しさせます。");
      add(items, plant + "の苗の価格はいくらですか", plant + "の苗は1鉢1,500円からご用意しています。");
      add(items, plant + "の植え替えをお願いできますか", plant + "の植え替えは1鉢2,000円から承ります。");
    }
    for (String dish : DISHES_JA) {
      add(items, dish + "のカロリーを教えてください", dish + "は約800キロカロリーです。");
      add(items, dish + "に使われている材料は何ですか", dish + "には国産の食材を使っています。");
      add(items, dish + "の値段はいくらですか", dish + "は税込1,200円です。");
      add(items, dish + "は大盛りにできますか", dish + "は100円で大盛りにできます。");
      add(items, dish + "は辛いですか", dish + "は辛くありません。辛さの調整もできます。");
    }
    for (String symptom : SYMPTOMS_JA) {
      add(items, symptom + "の診察は受けられますか", symptom + "の診察を行っています。");
      add(items, symptom + "の検査にかかる時間はどれくらいですか", symptom + "の検査は30分ほどかかります。");
      add(items, symptom + "の治療費はいくらですか", symptom + "の治療費は保険適用で3割負担です。");
      add(items, symptom + "の薬は処方してもらえますか", symptom + "の薬は院内で処方しています。");
    }
    for (String plant : PLANTS_EN) {
      add(
          items,
          "When is the best time to plant " + plant + "?",
          "Plant " + plant + " in spring or autumn.");
      add(
          items,
          "How often should I water " + plant + "?",
          "Water " + plant + " when the soil surface is dry.");
      add(
          items,
          "How much does a " + plant + " seedling cost?",
          plant + " seedlings start at 1,500 yen.");
      add(
          items,
          "How do I protect " + plant + " in winter?",
          "Cover " + plant + " against frost in winter.");
    }
    for (String dish : DISHES_EN) {
      add(
          items,
          "How many calories are in the " + dish + "?",
          "The " + dish + " has about 800 kcal.");
      add(
          items,
          "What ingredients are in the " + dish + "?",
          "The " + dish + " is made from local ingredients.");
    }
    Collections.shuffle(items, new Random(42));
    return items;
  }

  private static Topic t(String question, String answer, String... asked) {
    return new Topic(question, answer, List.of(asked));
  }

  private static void add(List<FaqItem> items, String question, String answer) {
    items.add(new FaqItem(question, answer, null, null));
  }

  private static final List<String> PLANTS_JA =
      List.of(
          "バラ", "芝生", "松", "桜", "梅", "もみじ", "椿", "つつじ", "紫陽花", "オリーブ", "レモン", "ブルーベリー", "盆栽", "生垣",
          "竹", "金木犀", "山茶花", "柿", "みかん", "多肉植物");
  private static final List<String> DISHES_JA =
      List.of(
          "天ぷら定食", "刺身定食", "唐揚げ定食", "カレーライス", "ハンバーグ", "オムライス", "親子丼", "カツ丼", "焼き魚定食", "パスタ", "ピザ",
          "サラダ", "味噌ラーメン", "餃子", "焼きそば");
  private static final List<String> SYMPTOMS_JA =
      List.of("頭痛", "腰痛", "花粉症", "風邪", "発熱", "胃痛", "高血圧", "糖尿病", "湿疹", "不眠");
  private static final List<String> PLANTS_EN =
      List.of(
          "roses",
          "lavender",
          "tulips",
          "olive trees",
          "lemon trees",
          "blueberries",
          "bonsai",
          "hydrangeas",
          "camellias",
          "maples",
          "bamboo",
          "hedges",
          "sunflowers",
          "tomatoes",
          "herbs",
          "cherry trees",
          "azaleas",
          "ferns",
          "cacti",
          "orchids");
  private static final List<String> DISHES_EN =
      List.of(
          "tempura set",
          "sashimi set",
          "fried chicken set",
          "curry rice",
          "hamburg steak",
          "omelette rice",
          "katsu bowl",
          "grilled fish set",
          "pasta",
          "pizza",
          "salad",
          "miso ramen",
          "dumplings",
          "fried noodles",
          "green tea cake");
  private static final List<String> BRANCHES =
      List.of(
          "新宿",
          "渋谷",
          "池袋",
          "上野",
          "品川",
          "目黒",
          "中野",
          "吉祥寺",
          "町田",
          "立川",
          "川崎",
          "横浜",
          "大宮",
          "浦和",
          "千葉",
          "船橋",
          "柏",
          "八王子",
          "府中",
          "調布",
          "Osaka",
          "Kyoto",
          "Kobe",
          "Nagoya",
          "Sendai",
          "Sapporo",
          "Fukuoka",
          "Hiroshima",
          "Naha",
          "Kanazawa");
}
