/**
 * The demo wholesale electrical catalog as data: sections (8 × 5 × 4), brands with their lines,
 * property kinds (≈60, 26 filterable) and which kinds each kind of product carries.
 */

export type Profile = "cable" | "conduit" | "wiring" | "breaker" | "relay" | "light" | "lamp" | "enclosure" | "terminal" | "tool" | "meter" | "heating" | "extension";

export interface LeafDef {
  name: string;
  /** The noun a product name starts with ("Розетка", "Кабель"). */
  noun: string;
}
export interface SubDef {
  name: string;
  profile: Profile;
  leaves: [LeafDef, LeafDef, LeafDef, LeafDef];
}
export interface SectionDef {
  name: string;
  slug: string;
  subs: [SubDef, SubDef, SubDef, SubDef, SubDef];
}

const leaf = (name: string, noun: string): LeafDef => ({ name, noun });

export const SECTIONS: SectionDef[] = [
  {
    name: "Кабель и провод",
    slug: "cable",
    subs: [
      { name: "Силовой кабель", profile: "cable", leaves: [leaf("Кабель ВВГнг(А)-LS", "Кабель ВВГнг(А)-LS"), leaf("Кабель NYM", "Кабель NYM"), leaf("Кабель АВВГ", "Кабель АВВГ"), leaf("Кабель КГ", "Кабель КГтп")] },
      { name: "Провод установочный", profile: "cable", leaves: [leaf("Провод ПВС", "Провод ПВС"), leaf("Провод ШВВП", "Провод ШВВП"), leaf("Провод ПуГВ", "Провод ПуГВ"), leaf("Провод ПуВ", "Провод ПуВ")] },
      { name: "Кабель связи", profile: "cable", leaves: [leaf("Витая пара UTP", "Кабель витая пара UTP"), leaf("Витая пара FTP", "Кабель витая пара FTP"), leaf("Коаксиальный кабель", "Кабель коаксиальный"), leaf("Телефонный кабель", "Кабель телефонный")] },
      { name: "Кабеленесущие системы", profile: "conduit", leaves: [leaf("Кабель-каналы", "Кабель-канал"), leaf("Гофротруба", "Труба гофрированная"), leaf("Труба ПВХ жёсткая", "Труба ПВХ жёсткая"), leaf("Лотки металлические", "Лоток перфорированный")] },
      { name: "Кабельные аксессуары", profile: "terminal", leaves: [leaf("Хомуты нейлоновые", "Хомут нейлоновый"), leaf("Наконечники", "Наконечник кабельный"), leaf("Гильзы", "Гильза соединительная"), leaf("Термоусадочные трубки", "Трубка термоусадочная")] },
    ],
  },
  {
    name: "Электроустановочные изделия",
    slug: "wiring-devices",
    subs: [
      { name: "Розетки", profile: "wiring", leaves: [leaf("Розетки скрытой установки", "Розетка"), leaf("Розетки открытой установки", "Розетка накладная"), leaf("Розетки влагозащищённые", "Розетка влагозащищённая"), leaf("Розетки USB", "Розетка с USB")] },
      { name: "Выключатели", profile: "wiring", leaves: [leaf("Выключатели одноклавишные", "Выключатель одноклавишный"), leaf("Выключатели двухклавишные", "Выключатель двухклавишный"), leaf("Переключатели проходные", "Переключатель проходной"), leaf("Выключатели с подсветкой", "Выключатель с подсветкой")] },
      { name: "Рамки и накладки", profile: "wiring", leaves: [leaf("Рамки одноместные", "Рамка одноместная"), leaf("Рамки многоместные", "Рамка многоместная"), leaf("Накладки", "Накладка"), leaf("Заглушки", "Заглушка")] },
      { name: "Светорегуляторы и датчики", profile: "wiring", leaves: [leaf("Диммеры", "Светорегулятор"), leaf("Датчики движения", "Датчик движения"), leaf("Таймеры", "Таймер электронный"), leaf("Термостаты комнатные", "Термостат комнатный")] },
      { name: "Монтажные коробки", profile: "conduit", leaves: [leaf("Подрозетники", "Подрозетник"), leaf("Распаечные коробки", "Коробка распаечная"), leaf("Коробки для полых стен", "Коробка для полых стен"), leaf("Коробки герметичные", "Коробка герметичная")] },
    ],
  },
  {
    name: "Модульное оборудование",
    slug: "modular",
    subs: [
      { name: "Автоматические выключатели", profile: "breaker", leaves: [leaf("Автоматы 1P", "Автоматический выключатель 1P"), leaf("Автоматы 2P", "Автоматический выключатель 2P"), leaf("Автоматы 3P", "Автоматический выключатель 3P"), leaf("Автоматы 4P", "Автоматический выключатель 4P")] },
      { name: "УЗО и дифавтоматы", profile: "breaker", leaves: [leaf("УЗО", "Выключатель дифференциального тока"), leaf("Дифавтоматы", "Дифференциальный автомат"), leaf("Блоки УЗО", "Блок дифференциальной защиты"), leaf("УЗИП", "Устройство защиты от импульсных перенапряжений")] },
      { name: "Контакторы и пускатели", profile: "relay", leaves: [leaf("Контакторы модульные", "Контактор модульный"), leaf("Контакторы силовые", "Контактор"), leaf("Пускатели", "Пускатель электромагнитный"), leaf("Тепловые реле", "Реле тепловое")] },
      { name: "Реле и таймеры", profile: "relay", leaves: [leaf("Реле напряжения", "Реле напряжения"), leaf("Реле времени", "Реле времени"), leaf("Импульсные реле", "Реле импульсное"), leaf("Фотореле", "Фотореле")] },
      { name: "Рубильники и разъединители", profile: "breaker", leaves: [leaf("Выключатели нагрузки", "Выключатель нагрузки"), leaf("Рубильники", "Рубильник"), leaf("Разъединители", "Разъединитель"), leaf("Переключатели сети", "Переключатель сети")] },
    ],
  },
  {
    name: "Освещение",
    slug: "lighting",
    subs: [
      { name: "Светодиодные светильники", profile: "light", leaves: [leaf("Офисные панели", "Светильник светодиодный офисный"), leaf("Линейные светильники", "Светильник линейный"), leaf("Даунлайты", "Светильник даунлайт"), leaf("Накладные светильники", "Светильник накладной")] },
      { name: "Лампы", profile: "lamp", leaves: [leaf("Лампы светодиодные E27", "Лампа светодиодная"), leaf("Лампы светодиодные E14", "Лампа светодиодная свеча"), leaf("Лампы GU10", "Лампа светодиодная GU10"), leaf("Лампы T8", "Лампа светодиодная T8")] },
      { name: "Прожекторы", profile: "light", leaves: [leaf("Прожекторы светодиодные", "Прожектор светодиодный"), leaf("Прожекторы с датчиком", "Прожектор с датчиком движения"), leaf("Прожекторы на солнечной батарее", "Прожектор солнечный"), leaf("Прожекторы промышленные", "Прожектор промышленный")] },
      { name: "Промышленное освещение", profile: "light", leaves: [leaf("Светильники High Bay", "Светильник подвесной промышленный"), leaf("Пылевлагозащищённые светильники", "Светильник пылевлагозащищённый"), leaf("Уличные консольные", "Светильник уличный консольный"), leaf("Светильники ЖКХ", "Светильник ЖКХ")] },
      { name: "Аварийное освещение", profile: "light", leaves: [leaf("Указатели выхода", "Указатель выход"), leaf("Аварийные светильники", "Светильник аварийный"), leaf("Блоки аварийного питания", "Блок аварийного питания"), leaf("Пиктограммы", "Пиктограмма эвакуационная")] },
    ],
  },
  {
    name: "Щитовое оборудование",
    slug: "enclosures",
    subs: [
      { name: "Щиты распределительные", profile: "enclosure", leaves: [leaf("Щиты встраиваемые", "Щит распределительный встраиваемый"), leaf("Щиты навесные", "Щит распределительный навесной"), leaf("Щиты металлические", "Щит металлический ЩРН"), leaf("Щиты учётные", "Щит учётный")] },
      { name: "Боксы модульные", profile: "enclosure", leaves: [leaf("Боксы пластиковые", "Бокс пластиковый"), leaf("Боксы герметичные", "Бокс герметичный"), leaf("Боксы на DIN-рейку", "Бокс модульный"), leaf("Корпуса под счётчик", "Корпус под счётчик")] },
      { name: "Шины и DIN-рейки", profile: "terminal", leaves: [leaf("DIN-рейки", "DIN-рейка"), leaf("Шины нулевые", "Шина нулевая"), leaf("Шины гребенчатые", "Шина соединительная гребенчатая"), leaf("Изоляторы", "Изолятор шинный")] },
      { name: "Клеммы и зажимы", profile: "terminal", leaves: [leaf("Клеммы WAGO", "Клемма строительно-монтажная"), leaf("Клеммные колодки", "Колодка клеммная"), leaf("Зажимы ответвительные", "Зажим ответвительный"), leaf("Клеммы на DIN-рейку", "Клемма винтовая на DIN-рейку")] },
      { name: "Счётчики электроэнергии", profile: "meter", leaves: [leaf("Счётчики однофазные", "Счётчик электроэнергии однофазный"), leaf("Счётчики трёхфазные", "Счётчик электроэнергии трёхфазный"), leaf("Трансформаторы тока", "Трансформатор тока"), leaf("Вольтметры и амперметры", "Вольтметр щитовой")] },
    ],
  },
  {
    name: "Инструмент",
    slug: "tools",
    subs: [
      { name: "Ручной инструмент", profile: "tool", leaves: [leaf("Отвёртки", "Отвёртка диэлектрическая"), leaf("Плоскогубцы и кусачки", "Плоскогубцы"), leaf("Стрипперы", "Стриппер для зачистки проводов"), leaf("Кримперы", "Кримпер для опрессовки")] },
      { name: "Электроинструмент", profile: "tool", leaves: [leaf("Дрели и шуруповёрты", "Дрель-шуруповёрт аккумуляторная"), leaf("Перфораторы", "Перфоратор"), leaf("Штроборезы", "Штроборез"), leaf("УШМ", "Угловая шлифмашина")] },
      { name: "Измерительные приборы", profile: "meter", leaves: [leaf("Мультиметры", "Мультиметр цифровой"), leaf("Токовые клещи", "Клещи токоизмерительные"), leaf("Индикаторы напряжения", "Указатель напряжения"), leaf("Тестеры", "Тестер розеток")] },
      { name: "Паяльное оборудование", profile: "tool", leaves: [leaf("Паяльники", "Паяльник"), leaf("Паяльные станции", "Паяльная станция"), leaf("Термофены", "Фен технический"), leaf("Припои и флюсы", "Припой")] },
      { name: "Наборы инструмента", profile: "tool", leaves: [leaf("Наборы электрика", "Набор инструмента электрика"), leaf("Наборы отвёрток", "Набор отвёрток"), leaf("Сумки для инструмента", "Сумка для инструмента"), leaf("Ящики для инструмента", "Ящик для инструмента")] },
    ],
  },
  {
    name: "Электрообогрев",
    slug: "heating",
    subs: [
      { name: "Тёплый пол", profile: "heating", leaves: [leaf("Нагревательные маты", "Мат нагревательный"), leaf("Нагревательный кабель", "Кабель нагревательный"), leaf("Плёночный тёплый пол", "Плёнка инфракрасная"), leaf("Комплекты тёплого пола", "Комплект тёплого пола")] },
      { name: "Терморегуляторы", profile: "heating", leaves: [leaf("Механические терморегуляторы", "Терморегулятор механический"), leaf("Электронные терморегуляторы", "Терморегулятор электронный"), leaf("Программируемые терморегуляторы", "Терморегулятор программируемый"), leaf("Wi-Fi терморегуляторы", "Терморегулятор Wi-Fi")] },
      { name: "Конвекторы", profile: "heating", leaves: [leaf("Конвекторы настенные", "Конвектор электрический"), leaf("Конвекторы напольные", "Конвектор напольный"), leaf("Инверторные конвекторы", "Конвектор инверторный"), leaf("Конвекторы для ванных", "Конвектор влагозащищённый")] },
      { name: "Инфракрасные обогреватели", profile: "heating", leaves: [leaf("Потолочные ИК", "Обогреватель инфракрасный потолочный"), leaf("Настенные ИК", "Обогреватель инфракрасный настенный"), leaf("Уличные ИК", "Обогреватель инфракрасный уличный"), leaf("Карбоновые", "Обогреватель карбоновый")] },
      { name: "Антиобледенение", profile: "heating", leaves: [leaf("Саморегулирующийся кабель", "Кабель саморегулирующийся"), leaf("Кабель для труб", "Кабель для обогрева труб"), leaf("Комплекты для кровли", "Комплект обогрева кровли"), leaf("Аксессуары обогрева", "Муфта концевая")] },
    ],
  },
  {
    name: "Удлинители и ИБП",
    slug: "power",
    subs: [
      { name: "Удлинители", profile: "extension", leaves: [leaf("Удлинители бытовые", "Удлинитель"), leaf("Удлинители на катушке", "Удлинитель на катушке"), leaf("Удлинители силовые", "Удлинитель силовой"), leaf("Колодки", "Колодка удлинителя")] },
      { name: "Сетевые фильтры", profile: "extension", leaves: [leaf("Фильтры бытовые", "Сетевой фильтр"), leaf("Фильтры с USB", "Сетевой фильтр с USB"), leaf("Фильтры офисные", "Сетевой фильтр офисный"), leaf("Фильтры для серверных", "Блок розеток 19\"")] },
      { name: "Стабилизаторы", profile: "extension", leaves: [leaf("Стабилизаторы релейные", "Стабилизатор напряжения релейный"), leaf("Стабилизаторы симисторные", "Стабилизатор напряжения симисторный"), leaf("Стабилизаторы инверторные", "Стабилизатор напряжения инверторный"), leaf("Стабилизаторы трёхфазные", "Стабилизатор трёхфазный")] },
      { name: "ИБП", profile: "extension", leaves: [leaf("ИБП линейно-интерактивные", "ИБП линейно-интерактивный"), leaf("ИБП онлайн", "ИБП с двойным преобразованием"), leaf("ИБП для котлов", "ИБП для котла"), leaf("Аккумуляторы для ИБП", "Аккумулятор")] },
      { name: "Вилки и разъёмы", profile: "extension", leaves: [leaf("Вилки", "Вилка"), leaf("Силовые разъёмы", "Разъём силовой"), leaf("Переходники", "Переходник"), leaf("Тройники", "Тройник")] },
    ],
  },
];

export interface BrandDef {
  name: string;
  code: string;
  lines: string[];
  country: string;
  profiles: Profile[];
}

const ALL: Profile[] = ["cable", "conduit", "wiring", "breaker", "relay", "light", "lamp", "enclosure", "terminal", "tool", "meter", "heating", "extension"];

export const BRANDS: BrandDef[] = [
  { name: "Schneider Electric", code: "SE", lines: ["AtlasDesign", "Glossa", "Easy9", "Resi9", "Acti9"], country: "Франция", profiles: ["wiring", "breaker", "relay", "enclosure", "terminal"] },
  { name: "Legrand", code: "LEG", lines: ["Valena", "Etika", "DX3", "Practibox", "Mosaic"], country: "Франция", profiles: ["wiring", "breaker", "enclosure", "conduit"] },
  { name: "ABB", code: "ABB", lines: ["Basic55", "Zenit", "S200", "Mistral", "Tacto"], country: "Швейцария", profiles: ["wiring", "breaker", "relay", "enclosure", "meter"] },
  { name: "IEK", code: "IEK", lines: ["Brite", "Armat", "ВА47", "Karat", "Octava"], country: "Россия", profiles: ["wiring", "breaker", "relay", "light", "enclosure", "conduit", "terminal"] },
  { name: "EKF", code: "EKF", lines: ["PROxima", "Basic", "Averes", "AVERES"], country: "Россия", profiles: ["breaker", "relay", "enclosure", "terminal", "meter"] },
  { name: "DKC", code: "DKC", lines: ["Viva", "Quadro", "In-Liner", "S5"], country: "Россия", profiles: ["conduit", "enclosure", "terminal"] },
  { name: "Werkel", code: "WL", lines: ["Gallant", "Atlas", "Stark", "Hammer"], country: "Швеция", profiles: ["wiring", "extension"] },
  { name: "Lezard", code: "LZ", lines: ["Mira", "Vesna", "Deriy", "Nata"], country: "Турция", profiles: ["wiring"] },
  { name: "TDM Electric", code: "TDM", lines: ["ВА47-29", "Лама", "Валдай", "Ладога"], country: "Россия", profiles: ["breaker", "wiring", "conduit", "terminal", "extension"] },
  { name: "Philips", code: "PH", lines: ["CorePro", "Essential", "Ledinaire", "CoreLine"], country: "Нидерланды", profiles: ["lamp", "light"] },
  { name: "LEDVANCE", code: "LDV", lines: ["Value", "Performance", "Eco", "Floodlight"], country: "Германия", profiles: ["lamp", "light"] },
  { name: "Gauss", code: "GS", lines: ["Elementary", "Basic", "Black", "Qplus"], country: "Россия", profiles: ["lamp", "light"] },
  { name: "Feron", code: "FR", lines: ["Saffit", "LB", "AL", "TL"], country: "Китай", profiles: ["lamp", "light", "extension"] },
  { name: "Navigator", code: "NV", lines: ["NLL", "NFL", "NDL", "NBL"], country: "Россия", profiles: ["lamp", "light"] },
  { name: "Jazzway", code: "JW", lines: ["PLED", "PPL", "PFL", "PWP"], country: "Китай", profiles: ["lamp", "light"] },
  { name: "ЭРА", code: "ERA", lines: ["Eco", "Std", "Red Line", "Pro"], country: "Россия", profiles: ["lamp", "light", "extension", "wiring"] },
  { name: "Varton", code: "VT", lines: ["Universal", "Line", "Olympia", "Craft"], country: "Россия", profiles: ["light"] },
  { name: "WAGO", code: "WG", lines: ["221", "2273", "222", "TopJob S"], country: "Германия", profiles: ["terminal"] },
  { name: "Rexant", code: "RX", lines: ["Pro", "Basic", "Kranz", "Proconnect"], country: "Россия", profiles: ["tool", "terminal", "cable", "meter", "extension"] },
  { name: "КВТ", code: "KVT", lines: ["ТМЛ", "ГМЛ", "КВТ-Pro", "Профи"], country: "Россия", profiles: ["terminal", "tool"] },
  { name: "Knipex", code: "KN", lines: ["Cobra", "Alligator", "VDE", "StriX"], country: "Германия", profiles: ["tool"] },
  { name: "Wera", code: "WR", lines: ["Kraftform", "VDE", "Zyklop", "Tool-Check"], country: "Германия", profiles: ["tool"] },
  { name: "Fluke", code: "FL", lines: ["T5", "117", "323", "376"], country: "США", profiles: ["meter"] },
  { name: "Mastech", code: "MS", lines: ["MS8", "MY", "M83", "MAS"], country: "Китай", profiles: ["meter"] },
  { name: "Кабэкс", code: "KBX", lines: ["ВВГ-Пнг", "NYM", "КГ", "АВВГ"], country: "Россия", profiles: ["cable"] },
  { name: "Севкабель", code: "SVK", lines: ["Стандарт", "Премиум", "LS", "FRLS"], country: "Россия", profiles: ["cable"] },
  { name: "Конкорд", code: "KNK", lines: ["ГОСТ", "ТУ", "Эконом", "Классик"], country: "Россия", profiles: ["cable"] },
  { name: "Hyperline", code: "HL", lines: ["UUTP", "FUTP", "RG", "Patch"], country: "Россия", profiles: ["cable", "terminal"] },
  { name: "Devi", code: "DV", lines: ["Devimat", "Deviflex", "Devireg", "Devisafe"], country: "Дания", profiles: ["heating"] },
  { name: "Теплолюкс", code: "TLX", lines: ["Tropix", "Profi", "Alumia", "ProfiRoll"], country: "Россия", profiles: ["heating"] },
  { name: "Electrolux", code: "EL", lines: ["Air Gate", "Brilliant", "Rapid", "Consul"], country: "Швеция", profiles: ["heating"] },
  { name: "Ballu", code: "BL", lines: ["Enzo", "Evolution", "Camino", "BIH"], country: "Китай", profiles: ["heating"] },
  { name: "Ресанта", code: "RS", lines: ["АСН", "СПН", "Lux", "Ф"], country: "Латвия", profiles: ["extension"] },
  { name: "Ippon", code: "IP", lines: ["Back Basic", "Smart Power", "Innova", "Back Comfo"], country: "Россия", profiles: ["extension"] },
  { name: "Hager", code: "HG", lines: ["MBN", "Volta", "Golf", "Gamma"], country: "Германия", profiles: ["breaker", "enclosure"] },
  { name: "Universal", code: "UN", lines: ["Бриллиант", "Эра", "Рондо", "Стандарт"], country: "Россия", profiles: ALL.filter((p) => p !== "meter" && p !== "tool") },
];

export type KindDef =
  | { code: string; name: string; type: "enum"; unit?: string; filterable: boolean; values: string[] }
  | { code: string; name: string; type: "number"; unit?: string; filterable: boolean; min: number; max: number; step: number }
  | { code: string; name: string; type: "boolean"; filterable: false }
  | { code: string; name: string; type: "text"; filterable: false; texts: string[] };

export const KINDS: KindDef[] = [
  // Filterable (facets)
  { code: "color", name: "Цвет", type: "enum", filterable: true, values: ["белый", "чёрный", "бежевый", "серый", "антрацит", "слоновая кость", "алюминий", "красный", "синий", "жёлтый"] },
  { code: "material", name: "Материал корпуса", type: "enum", filterable: true, values: ["пластик", "поликарбонат", "металл", "алюминий", "сталь", "керамика", "стекло"] },
  { code: "ip", name: "Степень защиты", type: "enum", filterable: true, values: ["IP20", "IP21", "IP40", "IP44", "IP54", "IP65", "IP67"] },
  { code: "mounting", name: "Тип монтажа", type: "enum", filterable: true, values: ["скрытый", "открытый", "на DIN-рейку", "встраиваемый", "накладной", "подвесной"] },
  { code: "posts", name: "Количество постов", type: "enum", filterable: true, values: ["1", "2", "3", "4", "5"] },
  { code: "current", name: "Номинальный ток", unit: "А", type: "enum", filterable: true, values: ["6", "10", "16", "20", "25", "32", "40", "50", "63"] },
  { code: "poles", name: "Число полюсов", type: "enum", filterable: true, values: ["1P", "1P+N", "2P", "3P", "4P"] },
  { code: "curve", name: "Характеристика срабатывания", type: "enum", filterable: true, values: ["B", "C", "D"] },
  { code: "breaking", name: "Отключающая способность", unit: "кА", type: "enum", filterable: true, values: ["4,5", "6", "10", "15"] },
  { code: "section", name: "Сечение жилы", unit: "мм²", type: "enum", filterable: true, values: ["0,75", "1,5", "2,5", "4", "6", "10", "16"] },
  { code: "cores", name: "Количество жил", type: "enum", filterable: true, values: ["1", "2", "3", "4", "5"] },
  { code: "voltage", name: "Номинальное напряжение", unit: "В", type: "enum", filterable: true, values: ["12", "24", "220", "230", "380", "400"] },
  { code: "cct", name: "Цветовая температура", unit: "К", type: "enum", filterable: true, values: ["2700", "3000", "4000", "5000", "6500"] },
  { code: "base", name: "Цоколь", type: "enum", filterable: true, values: ["E27", "E14", "GU10", "GU5.3", "G13", "GX53"] },
  { code: "country", name: "Страна производства", type: "enum", filterable: true, values: ["Россия", "Китай", "Германия", "Франция", "Италия", "Турция", "Польша", "Швеция", "Дания", "США", "Нидерланды", "Швейцария", "Латвия"] },
  { code: "insulation", name: "Материал изоляции", type: "enum", filterable: true, values: ["ПВХ", "ПВХ пониженной пожароопасности", "безгалогенный компаунд", "резина", "полиэтилен"] },
  { code: "grounding", name: "Заземление", type: "enum", filterable: true, values: ["есть", "нет"] },
  { code: "fire", name: "Исполнение", type: "enum", filterable: true, values: ["нг(А)", "нг(А)-LS", "нг(А)-FRLS", "нг(А)-HF", "обычное"] },
  { code: "purpose", name: "Назначение", type: "enum", filterable: true, values: ["бытовое", "офисное", "промышленное", "уличное", "складское"] },
  { code: "modules", name: "Количество модулей", type: "enum", filterable: true, values: ["4", "6", "8", "12", "18", "24", "36", "48"] },
  { code: "outlets", name: "Количество розеток", type: "enum", filterable: true, values: ["1", "2", "3", "4", "5", "6", "8"] },
  { code: "power_type", name: "Тип питания", type: "enum", filterable: true, values: ["сеть 220 В", "аккумулятор", "батарейки", "без питания"] },
  { code: "power", name: "Мощность", unit: "Вт", type: "number", filterable: true, min: 3, max: 3000, step: 1 },
  { code: "length", name: "Длина", unit: "м", type: "number", filterable: true, min: 0.5, max: 100, step: 0.5 },
  { code: "flux", name: "Световой поток", unit: "лм", type: "number", filterable: true, min: 250, max: 20000, step: 50 },
  { code: "weight", name: "Вес", unit: "кг", type: "number", filterable: true, min: 0.01, max: 25, step: 0.01 },
  // Shown on the card only
  { code: "width", name: "Ширина", unit: "мм", type: "number", filterable: false, min: 10, max: 600, step: 1 },
  { code: "height", name: "Высота", unit: "мм", type: "number", filterable: false, min: 10, max: 800, step: 1 },
  { code: "depth", name: "Глубина", unit: "мм", type: "number", filterable: false, min: 5, max: 300, step: 1 },
  { code: "warranty", name: "Гарантия", unit: "мес.", type: "number", filterable: false, min: 12, max: 60, step: 12 },
  { code: "lifetime", name: "Срок службы", unit: "ч", type: "number", filterable: false, min: 10000, max: 50000, step: 5000 },
  { code: "temp_min", name: "Температура эксплуатации, мин.", unit: "°C", type: "number", filterable: false, min: -60, max: -5, step: 5 },
  { code: "temp_max", name: "Температура эксплуатации, макс.", unit: "°C", type: "number", filterable: false, min: 35, max: 90, step: 5 },
  { code: "cri", name: "Индекс цветопередачи", unit: "Ra", type: "number", filterable: false, min: 70, max: 95, step: 5 },
  { code: "beam", name: "Угол рассеивания", unit: "°", type: "number", filterable: false, min: 30, max: 180, step: 10 },
  { code: "pack_qty", name: "Количество в упаковке", unit: "шт", type: "number", filterable: false, min: 1, max: 100, step: 1 },
  { code: "frequency", name: "Частота сети", unit: "Гц", type: "number", filterable: false, min: 50, max: 60, step: 10 },
  { code: "resistance", name: "Сопротивление изоляции", unit: "МОм", type: "number", filterable: false, min: 5, max: 100, step: 5 },
  { code: "outer_d", name: "Наружный диаметр", unit: "мм", type: "number", filterable: false, min: 3, max: 40, step: 0.5 },
  { code: "bend_radius", name: "Радиус изгиба", unit: "мм", type: "number", filterable: false, min: 20, max: 400, step: 10 },
  { code: "switching", name: "Коммутационная износостойкость", unit: "циклов", type: "number", filterable: false, min: 4000, max: 40000, step: 1000 },
  { code: "dimmable", name: "Диммируемость", type: "boolean", filterable: false },
  { code: "backlight", name: "Подсветка", type: "boolean", filterable: false },
  { code: "child_protection", name: "Защитные шторки", type: "boolean", filterable: false },
  { code: "usb", name: "Наличие USB", type: "boolean", filterable: false },
  { code: "overload", name: "Защита от перегрузки", type: "boolean", filterable: false },
  { code: "cert", name: "Сертификат", type: "text", filterable: false, texts: ["ЕАЭС RU C-RU.АД07.В.01234/22", "ЕАЭС RU C-CN.НВ26.В.05678/23", "ТР ТС 004/2011", "ТР ТС 020/2011", "ЕАЭС RU C-DE.ME77.B.00345/21"] },
  { code: "tnved", name: "Код ТН ВЭД", type: "text", filterable: false, texts: ["8536 69 900 8", "8536 20 100 8", "8544 49 930 0", "9405 40 390 0", "8539 50 000 0", "8205 59 800 0"] },
  { code: "standard", name: "Стандарт", type: "text", filterable: false, texts: ["ГОСТ Р 51322.1-2011", "ГОСТ IEC 60898-1-2020", "ГОСТ 31996-2012", "ГОСТ Р 54350-2015", "ГОСТ IEC 61008-1-2020"] },
  { code: "package", name: "Упаковка", type: "text", filterable: false, texts: ["картонная коробка", "блистер", "пакет", "бухта в плёнке", "барабан"] },
  { code: "series_code", name: "Код серии производителя", type: "text", filterable: false, texts: ["A1", "B2", "C3", "D4", "E5", "F6"] },
  { code: "climate", name: "Климатическое исполнение", type: "text", filterable: false, texts: ["УХЛ4", "УХЛ1", "У3", "У1", "Т2"] },
  { code: "protection_class", name: "Класс защиты от поражения током", type: "text", filterable: false, texts: ["I", "II", "III"] },
  { code: "terminals", name: "Тип клемм", type: "text", filterable: false, texts: ["винтовые", "безвинтовые", "пружинные", "рычажковые"] },
  { code: "cable_entry", name: "Ввод кабеля", type: "text", filterable: false, texts: ["сверху", "снизу", "сбоку", "сверху и снизу"] },
  { code: "battery", name: "Аккумулятор", type: "text", filterable: false, texts: ["Li-Ion 2,0 Ач", "Li-Ion 4,0 Ач", "Ni-Cd 1,5 Ач", "без аккумулятора"] },
  { code: "display", name: "Дисплей", type: "text", filterable: false, texts: ["ЖК", "светодиодный", "нет"] },
  { code: "control", name: "Управление", type: "text", filterable: false, texts: ["механическое", "кнопочное", "сенсорное", "Wi-Fi"] },
  { code: "sensor", name: "Датчик", type: "text", filterable: false, texts: ["датчик пола", "датчик воздуха", "датчик пола и воздуха", "без датчика"] },
  { code: "length_cord", name: "Длина шнура", unit: "м", type: "number", filterable: false, min: 1, max: 50, step: 1 },
];

/** The property kinds each kind of product carries (besides the common ones). */
export const COMMON_KINDS = ["color", "country", "weight", "warranty", "cert", "width", "height", "depth"];
export const PROFILE_KINDS: Record<Profile, string[]> = {
  cable: ["section", "cores", "voltage", "insulation", "fire", "length", "outer_d", "bend_radius", "resistance", "temp_min", "temp_max", "standard", "package"],
  conduit: ["material", "ip", "mounting", "length", "outer_d", "temp_min", "temp_max", "climate"],
  wiring: ["material", "ip", "mounting", "posts", "current", "grounding", "child_protection", "backlight", "usb", "terminals", "protection_class", "standard"],
  breaker: ["current", "poles", "curve", "breaking", "voltage", "mounting", "modules", "switching", "standard", "terminals", "climate"],
  relay: ["current", "poles", "voltage", "mounting", "modules", "switching", "display", "terminals"],
  light: ["power", "flux", "cct", "ip", "mounting", "material", "purpose", "cri", "beam", "lifetime", "dimmable", "climate", "protection_class"],
  lamp: ["power", "flux", "cct", "base", "cri", "beam", "lifetime", "dimmable", "voltage", "pack_qty"],
  enclosure: ["material", "ip", "mounting", "modules", "cable_entry", "climate", "protection_class"],
  terminal: ["section", "current", "voltage", "material", "mounting", "pack_qty", "terminals", "package", "tnved"],
  tool: ["power_type", "material", "voltage", "power", "battery", "purpose", "tnved"],
  meter: ["voltage", "current", "display", "power_type", "mounting", "frequency", "protection_class"],
  heating: ["power", "length", "voltage", "control", "sensor", "mounting", "ip", "purpose", "overload"],
  extension: ["outlets", "length_cord", "current", "grounding", "overload", "usb", "power", "power_type", "ip"],
};
