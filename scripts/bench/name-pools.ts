/**
 * Word pools for the synthetic packs: names as news pages write them (Pakistani, Chinese,
 * Arabic and Western people; bodies named after places and fields; Chinese names in Han
 * characters), so the automaton sees the shared prefixes and suffixes of a real pack.
 */

export const CULTURES = {
  pk: {
    country: 'PK',
    given: ['Ahmed', 'Ali', 'Asad', 'Ayesha', 'Bilal', 'Danish', 'Faisal', 'Farah', 'Fatima', 'Hamza', 'Hassan', 'Hina', 'Imran', 'Irfan', 'Javed', 'Kamran', 'Khalid', 'Mahnoor', 'Maryam', 'Mehwish', 'Moin', 'Nadia', 'Naveed', 'Nida', 'Omar', 'Qasim', 'Rabia', 'Rashid', 'Saad', 'Sadia', 'Saima', 'Salman', 'Sana', 'Shahid', 'Shazia', 'Tahir', 'Tariq', 'Usman', 'Waqar', 'Zainab', 'Zeeshan', 'Zubair'],
    family: ['Abbasi', 'Afridi', 'Akhtar', 'Awan', 'Baig', 'Bhatti', 'Bugti', 'Butt', 'Chaudhry', 'Dar', 'Durrani', 'Gillani', 'Gondal', 'Hashmi', 'Hussain', 'Iqbal', 'Jamali', 'Junejo', 'Khattak', 'Khosa', 'Leghari', 'Magsi', 'Malik', 'Mazari', 'Mengal', 'Mirza', 'Naqvi', 'Niazi', 'Qureshi', 'Rana', 'Rizvi', 'Sheikh', 'Siddiqui', 'Soomro', 'Tarar', 'Wattoo', 'Yousafzai', 'Zardari'],
  },
  cn: {
    country: 'CN',
    given: ['Jianguo', 'Wei', 'Xiaoming', 'Yujun', 'Jianlong', 'Hui', 'Lei', 'Ming', 'Na', 'Qiang', 'Tao', 'Xin', 'Yan', 'Yong', 'Jing', 'Fang', 'Hong', 'Jun', 'Li', 'Ping', 'Xiushan', 'Junyuan', 'Yuqing', 'Zhiwei', 'Haoran', 'Zihan', 'Yuxuan', 'Ruoxi', 'Chen', 'Bo'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Gao', 'Lin', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng'],
    hanFamily: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'],
    hanGiven: ['建国', '伟', '晓明', '玉君', '建龙', '慧', '磊', '明', '娜', '强', '涛', '欣', '艳', '勇', '静', '芳', '红', '军', '丽', '平', '秀山', '俊元', '雨晴', '志伟', '浩然'],
  },
  ar: {
    country: 'AE',
    given: ['Abdullah', 'Ahmad', 'Fahad', 'Hamdan', 'Khalifa', 'Layla', 'Mansour', 'Mariam', 'Mohammed', 'Noura', 'Rashed', 'Saeed', 'Sultan', 'Yousef'],
    family: ['Al Maktoum', 'Al Nahyan', 'Al Mansoori', 'Al Suwaidi', 'Al Falasi', 'Al Hashimi', 'Al Qassimi', 'Al Zaabi', 'Al Dhaheri', 'Al Shamsi'],
  },
  west: {
    country: 'GB',
    given: ['Alice', 'Andrew', 'Anna', 'Benjamin', 'Catherine', 'Daniel', 'David', 'Elizabeth', 'Emma', 'George', 'Hannah', 'James', 'John', 'Laura', 'Margaret', 'Michael', 'Olivia', 'Peter', 'Rachel', 'Robert', 'Sarah', 'Thomas', 'William'],
    family: ['Anderson', 'Baker', 'Campbell', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Graham', 'Harrison', 'Hughes', 'Jenkins', 'Kennedy', 'Lawson', 'Morgan', 'Murray', 'Palmer', 'Reynolds', 'Robinson', 'Shaw', 'Stewart', 'Thompson', 'Walker', 'Wright'],
  },
} as const;

export type Culture = keyof typeof CULTURES;

export const MIDDLE = ['Ahmed', 'Ali', 'Daud', 'Hussain', 'Javed', 'Karim', 'Latif', 'Nawaz', 'Rafiq', 'Shah', 'Ullah', 'Zaman', 'J.', 'K.', 'M.', 'R.', 'S.', 'T.'];

export const TITLES = ['Chairman', 'Chief Executive', 'Director General', 'Secretary', 'Minister', 'Ambassador', 'President', 'Managing Director', 'Spokesperson', 'Deputy Director', 'Commissioner', 'Professor'];

export const REGIONS = ['Punjab', 'Sindh', 'Balochistan', 'Khyber Pakhtunkhwa', 'Gilgit-Baltistan', 'Islamabad', 'Lahore', 'Karachi', 'Quetta', 'Peshawar', 'Faisalabad', 'Gwadar', 'Multan', 'Beijing', 'Shanghai', 'Jiangsu', 'Guangdong', 'Xinjiang', 'Sichuan', 'Zhejiang', 'Shenzhen', 'Wuhan', 'Dubai', 'Abu Dhabi', 'London', 'Manchester'];

export const FIELDS = ['Textile', 'Energy', 'Medical Devices', 'Pharmaceutical', 'Agriculture', 'Water', 'Railway', 'Port', 'Steel', 'Cement', 'Telecommunication', 'Software', 'Logistics', 'Mining', 'Fisheries', 'Banking', 'Insurance', 'Tourism', 'Education', 'Health', 'Housing', 'Aviation', 'Shipping', 'Solar Power', 'Automotive', 'Chemical', 'Dairy', 'Surgical Instruments', 'Sports Goods', 'Leather'];

export const HEADS = ['Association', 'Authority', 'Board', 'Bureau', 'Chamber of Commerce', 'Commission', 'Company', 'Corporation', 'Council', 'Federation', 'Foundation', 'Group', 'Institute', 'Laboratory', 'Ministry', 'Research Centre', 'Society', 'University', 'Development Agency', 'Regulatory Authority', 'Exporters Association', 'Holdings'];

export const ADJECTIVES = ['National', 'Provincial', 'Federal', 'International', 'Joint', 'United', 'Central', 'Regional', 'Strategic', 'Green', 'Digital', 'Northern', 'Southern', 'Eastern', 'Western'];

export const INITIATIVE_NOUNS = ['Corridor', 'Initiative', 'Programme', 'Partnership', 'Framework', 'Compact', 'Plan', 'Vision', 'Mission', 'Dialogue'];

export const HAN_REGIONS = ['北京', '上海', '江苏', '广东', '浙江', '四川', '湖北', '新疆', '深圳', '天津'];
export const HAN_FIELDS = ['医疗器械', '纺织', '能源', '制药', '农业', '钢铁', '软件', '物流', '港口', '电信'];
export const HAN_HEADS = ['协会', '集团', '公司', '研究院', '委员会', '商会', '大学', '实验室'];

export const PLACE_START = ['Kar', 'Shah', 'Mir', 'Nar', 'Dera', 'Sar', 'Kot', 'Ham', 'Bah', 'Jhang', 'Pind', 'Gul', 'Mast', 'Ras', 'Chak', 'Tal', 'Ban', 'Mor', 'Sher', 'Zar'];
export const PLACE_MIDDLE = ['', 'a', 'i', 'u', 'an', 'ab', 'ar', 'ol', 'ee'];
export const PLACE_END = ['pur', 'abad', 'kot', 'garh', 'wala', 'nagar', 'sar', 'ganj', 'pura', 'shahr'];

/** Ordinary words for the synthetic page text (some capitalised, as in real prose). */
export const FILLER = (
  'the of and to in a is that for on said with as was by at from it an be has are have this will which also its were not but they ' +
  'been more new year two first government minister official people country city company project market report week month percent ' +
  'million billion talks meeting trade investment cooperation agreement economic development sector industry growth export import ' +
  'policy plan announced according statement visit delegation conference support financial health medical energy water power ' +
  'technology research university school hospital province district police court election party leader president prime ' +
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January March June September November Pakistan China Beijing Islamabad ' +
  'Karachi Lahore Asia Europe Reuters AP BBC CNN UN IMF World Bank Senate Parliament Ministry Federal National Provincial'
).split(' ');
